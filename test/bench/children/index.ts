/** Dispatches `--child <mode>`: each mode loads only the code it measures. */
export async function runChildMode(mode: string, args: Record<string, unknown>): Promise<void> {
  switch (mode) {
    case 'sandbox':
      return (await import('./sandbox')).sandboxChild(args as never);
    case 'startup':
      return (await import('./startup')).startupChild(args as never);
    case 'select1':
      return (await import('./startup')).select1Child(args as never);
    case 'sync':
      return (await import('./sync')).syncChild(args as never);
    case 'raw-insert':
      return (await import('./raw-insert')).rawInsertChild(args as never);
    default:
      throw new Error(`unknown child mode: ${mode}`);
  }
}
