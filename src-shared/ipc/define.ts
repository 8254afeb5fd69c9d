import type { z } from 'zod';
import type { Reply } from '../domain/result';

/** One request/response pair. Channel names are `namespace:method`. */
export interface ChannelSpec {
  req: z.ZodType;
  res: z.ZodType;
}
export type ChannelMap = Record<string, ChannelSpec>;
export type EventMap = Record<string, z.ZodType>;

export type ReqOf<C extends ChannelMap, K extends keyof C> = z.input<C[K]['req']>;
export type ResOf<C extends ChannelMap, K extends keyof C> = z.output<C[K]['res']>;

type NamespaceOf<K> = K extends `${infer N}:${string}` ? N : never;
type MethodOf<K, N extends string> = K extends `${N}:${infer M}` ? M : never;

type Method<Req, Res> = {} extends Req
  ? (req?: Req) => Promise<Reply<Res>>
  : (req: Req) => Promise<Reply<Res>>;

/** The renderer's view of the contract: `api.catalog.search({ text })`. */
export type ContractApi<C extends ChannelMap, E extends EventMap> = {
  [N in NamespaceOf<keyof C & string>]: {
    [K in keyof C & `${N}:${string}` as MethodOf<K, N>]: Method<z.input<C[K]['req']>, z.output<C[K]['res']>>;
  };
} & {
  events: {
    on<K extends keyof E & string>(name: K, listener: (payload: z.output<E[K]>) => void): () => void;
  };
};

/** How a transport (Electron IPC or the web host's WebSocket) carries one call or event. */
export interface Transport {
  call(contractChannel: string, req: unknown): Promise<Reply<unknown>>;
  subscribe(eventName: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the API object from the contract's channel names only: a name that is not in the
 * contract has no method, so the renderer cannot reach it.
 */
export function buildApi<C extends ChannelMap, E extends EventMap>(
  contract: C,
  events: E,
  transport: Transport,
): ContractApi<C, E> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(contract)) {
    const [ns, method] = name.split(':') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (req?: unknown) => transport.call(name, req ?? {});
  }
  const eventNames = new Set(Object.keys(events));
  api.events = {
    on(name: string, listener: (payload: unknown) => void) {
      if (!eventNames.has(name)) throw new Error(`unknown event: ${name}`);
      return transport.subscribe(name, listener);
    },
  };
  return api as ContractApi<C, E>;
}
