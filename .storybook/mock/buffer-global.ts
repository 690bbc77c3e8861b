// Node's `Buffer` global for the service worker bundle (esbuild `inject`): the sandbox and the server
// companion use it as Node code does.
export { Buffer } from 'buffer';
