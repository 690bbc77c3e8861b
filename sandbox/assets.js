// @ts-check
/** Static sandbox assets: badge icons (same-origin, so widgets need no remote images) and the room page's CSS. */
import { BADGES, hash32 } from './data.js';
import { escapeHtml, send } from './http.js';

const CACHED = { 'Cache-Control': 'public, max-age=3600', 'Cross-Origin-Resource-Policy': 'cross-origin' };

const ROOM_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #1b1f2a; color: #f4f6fb; }
main { padding: 2rem; border-radius: 12px; background: #262c3a; max-width: 32rem; }
h1 { margin-top: 0; font-size: 1.4rem; }
.note { opacity: 0.7; font-size: 0.85rem; }
`;

/** A round icon with the badge's initials, in a colour derived from its id. */
function badgeSvg(/** @type {{ id: string, name: string }} */ badge) {
  const hue = hash32(badge.id) % 360;
  const initials = badge.name.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="${escapeHtml(badge.name)}">
<circle cx="32" cy="32" r="30" fill="hsl(${hue} 65% 45%)" stroke="hsl(${hue} 70% 30%)" stroke-width="4"/>
<text x="32" y="40" font-family="system-ui, sans-serif" font-size="22" font-weight="700" text-anchor="middle" fill="#fff">${escapeHtml(initials)}</text>
</svg>
`;
}

/**
 * Serves /sandbox/assets/...; false when the path is not an asset.
 * @param {import('./http.js').Res} res @param {string} rest the path after /sandbox/assets/
 */
export function serveAsset(res, rest) {
  if (rest === 'room.css') {
    send(res, 200, 'text/css; charset=utf-8', ROOM_CSS, CACHED);
    return true;
  }
  const m = /^badges\/([\w-]+)\.svg$/.exec(rest);
  const badge = m && BADGES.find((b) => b.id === m[1]);
  if (!badge) return false;
  send(res, 200, 'image/svg+xml; charset=utf-8', badgeSvg(badge), CACHED);
  return true;
}
