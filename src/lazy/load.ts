/** Where the script-tag build finds its chunks: next to itself. Bundlers resolve the static import instead. */
let base: string | undefined;
export const setChunkBase = (url: string | undefined) => void (base = url);
export const chunkUrl = (file: string) => (base ? base + file : undefined);

/**
 * Parts of the SDK that only some configs use load on demand, in their own chunks, so a page
 * pays for what its config uses: the validator (any config), prompts (configs with prompts),
 * rewards (configs with rewards) and the widgets (a prompt about to show).
 */
export const lazy =
  <Module>(file: string, bundled: () => Promise<Module>) =>
  (): Promise<Module> =>
    base ? import(/* @vite-ignore */ base + file) : bundled();
