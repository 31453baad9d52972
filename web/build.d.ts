/** Builds web/src into web/dist and returns the output folder. */
export function buildWeb (options?: { minify?: boolean }): Promise<string>
