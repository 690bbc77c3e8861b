// kaltura-widgets/react as the package ships it (dist/react.js, made by `npm run build`): each tag of
// the element table under its own name, the same components as `components`, and they render.
import { expect } from '@open-wc/testing';
import { type ComponentType, createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ELEMENTS, reactName } from '../../../src/elements.js';
import { until } from '../helpers.js';
import { shadowOf } from '../dom.js';

const BUILT = '/dist/react.js';

describe('kaltura-widgets/react (dist/react.js)', () => {
  it('exports a component for every tag of the element table, and a room renders from it', async () => {
    const react = (await import(/* @vite-ignore */ BUILT)) as Record<string, ComponentType<Record<string, unknown>>> & { components: Record<string, unknown> };
    for (const tag of ELEMENTS.flatMap((element) => element.tags)) {
      expect(react[reactName(tag)], tag).to.be.a('object').and.equal(react.components[reactName(tag)]);
    }
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      flushSync(() => root.render(createElement(react.RoomEmbed!, { kafHost: 'rooms.example.com', entryId: '1_sandboxroom' })));
      await until(() => shadowOf('kal-room-embed')?.querySelector('[part~=join]') != null, 'the join button');
    } finally {
      root.unmount();
      host.remove();
    }
  });
});
