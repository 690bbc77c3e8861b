// Script-tag build: the one classic script carries the live timer itself (a lazy import would be
// inlined anyway, at a cost in bytes).
export { LiveController as LiveRefresh } from './live-controller.js';
