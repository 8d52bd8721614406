import type { WidgetsModule } from './contract.js';

/** Placeholder until the widget kinds land: renders nothing, so the chunk split exists. */
export const mount: WidgetsModule['mount'] = () => ({ close() {} });
