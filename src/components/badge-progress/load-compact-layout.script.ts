// Script-tag build: the one classic script carries the compact layout itself (a lazy import would be
// inlined anyway, wrapped at a cost in bytes).
import * as compactLayout from './compact-layout.js';

export const loadCompactLayout = (): Promise<typeof compactLayout> => Promise.resolve(compactLayout);
