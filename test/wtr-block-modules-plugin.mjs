// Test-runner commands for one test page (other pages are not affected):
//   executeServerCommand('block-modules', { fragments, hang })  that page's requests for URLs containing
//     any of `fragments` fail (a lazily loaded module that cannot be downloaded), or with `hang: true`
//     never get an answer; `{ fragments: [] }` lets them through;
//   executeServerCommand('blocked-modules')  the URLs blocked so far on that page.
export function blockModulesPlugin() {
  const blocked = new Map();
  return {
    name: 'block-modules',
    async executeCommand({ command, payload, session }) {
      if (command === 'blocked-modules') return blocked.get(session.id) ?? [];
      if (command !== 'block-modules') return undefined;
      const page = session.browser.getPage(session.id);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      const fragments = payload?.fragments ?? [];
      if (fragments.length) {
        await page.route(
          (url) => fragments.some((fragment) => url.href.includes(fragment)),
          (route) => {
            blocked.set(session.id, [...(blocked.get(session.id) ?? []), route.request().url()]);
            return payload.hang ? undefined : route.abort('failed');
          },
        );
      }
      return true;
    },
  };
}
