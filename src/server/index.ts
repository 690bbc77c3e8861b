/**
 * `kaltura-widgets/server`: the Node-only companion that keeps secrets and ADMIN sessions on the
 * host's backend. Never import this from browser code.
 */
export {
  mintKs,
  KS_TYPE_USER,
  KS_TYPE_ADMIN,
  DEFAULT_KS_EXPIRES_IN,
  MAX_KS_EXPIRES_IN,
  type KsType,
  type MintKsOptions,
  type MintedKs,
  verifyKs,
  type KsInfo,
} from './ks.js';
export { ksAuthenticator, type KsAuthenticatorOptions, type KsViewer } from './ks-authenticator.js';
export { startAppTokenSession, type AppTokenSessionOptions, type AppTokenSession, type AppTokenHashType } from './app-token.js';
export {
  createTokenHandler,
  type TokenHandlerOptions,
  type MintFunction,
  type MintContext,
  type MintResult,
  type SecretMintConfig,
  type PrivilegesOption,
  type TokenRequestHints,
} from './token-handler.js';
export { toNodeHandler, type NodeHandler, type NodeHandlerOptions, type WebHandler } from './node-adapter.js';
export { createRoom, type CreateRoomOptions } from './rooms.js';
export { createGameProxy, GAME_PROXY_ACTIONS, type GameProxyAction, type GameProxyOptions } from './game-proxy.js';
export { createEventsProxy, EVENTS_PROXY_ACTIONS, type EventsProxyAction, type EventsProxyOptions } from './events-proxy.js';
export type { ReadProxyOptions } from './read-proxy.js';
export { ENTRY_ID_PATTERN, isEntryId } from '../api/entry-id.js';
export type { KsSource, UserDirectoryOptions } from './user-directory.js';
export type { Authenticate, AuthenticatedUser } from './http.js';
export type { FetchLike } from './api-v3.js';
export { KalturaApiError, RoomError, type RoomErrorCode } from './errors.js';
