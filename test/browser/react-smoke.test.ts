import { expect } from '@open-wc/testing';
import { createElement, version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createApp, h } from 'vue';

describe('framework smoke', () => {
  it('mounts react and vue', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    flushSync(() => root.render(createElement('p', null, `hello ${version}`)));
    expect(host.textContent).to.match(/^hello 19/);
    root.unmount();
    const app = createApp({ render: () => h('p', 'vue') });
    app.mount(host);
    expect(host.textContent).to.equal('vue');
    app.unmount();
  });
});
