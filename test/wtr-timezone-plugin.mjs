// A test-runner command for one test page (other pages are not affected):
//   executeServerCommand('emulate-timezone', { timezoneId })  the page's clock reads in that IANA zone,
//     as a viewer there would see it (Chromium's Emulation.setTimezoneOverride); '' restores the machine's.
export function timezonePlugin() {
  // The override lasts as long as the DevTools session that set it: one kept per page.
  const sessions = new Map();
  return {
    name: 'emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(session.id);
      if (!cdp) sessions.set(session.id, (cdp = await page.context().newCDPSession(page)));
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: payload?.timezoneId ?? '' });
      return true;
    },
  };
}
