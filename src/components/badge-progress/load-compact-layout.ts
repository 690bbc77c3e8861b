/** The compact layout, downloaded when first used. */
export const loadCompactLayout = (): Promise<typeof import('./compact-layout.js')> => import('./compact-layout.js');
