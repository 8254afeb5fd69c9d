/** Where the window's page comes from: the built file, or the dev server in development. */
export type RendererLocation = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export function resolveRendererLocation(builtIndexHtml: string, devServerUrl: string | undefined): RendererLocation {
  return devServerUrl ? { kind: 'url', url: devServerUrl } : { kind: 'file', file: builtIndexHtml };
}
