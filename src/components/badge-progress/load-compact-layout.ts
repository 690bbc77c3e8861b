/** The compact layout, downloaded when first used (the script-tag build has it inline: load-compact-layout.script.ts). */
export const loadCompactLayout = (): Promise<typeof import('./compact-layout.js')> => import('./compact-layout.js');
