import type { PricingEngine, Provider, VideoModel } from '../pricing';
import { andList, describeValue, InputError, isBlank, readClip, readModel, shortModelName, TICKS_PER_USD } from '../pricing';

/**
 * KLING_API_COST's `provider`: blank or "Kling" is Kling's own API; a reseller's name prices the
 * generation there (shared/spec/channels.md). Names are matched like models: case and
 * surrounding spaces ignored.
 */

const KLING = 'kling';

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The provider a cell names: null for Kling's own API (blank or "Kling"), else the text as typed (checked per model). */
export function readProviderArg(engine: PricingEngine, value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') {
    throw new InputError(
      `provider ${describeValue(value)} is not a provider; use Kling (or leave it blank) for Kling's API, or a reseller of the price book: ${providerNames(engine)}`,
    );
  }
  return key(value) === KLING ? null : value.trim();
}

function providerNames(engine: PricingEngine): string {
  const names = engine.book.providers.map((p) => p.name);
  return names.length > 0 ? andList(names) : 'the price book has none';
}

/** Who sells a model over an API: "Kling's API (provider Kling or blank), fal and PiAPI". */
function sellers(model: VideoModel): string {
  const who = [...(model.api ? ["Kling's API (provider Kling or blank)"] : []), ...model.resellers.map((r) => r.provider)];
  return who.length > 0 ? `${model.name} is sold by ${andList(who)}` : `no provider of the price book sells ${model.name}`;
}

/** The message for a model Kling's API does not sell but resellers do (Kling 4.0). */
export function notOnKlingApi(model: VideoModel): string {
  const providers = model.resellers.map((r) => r.provider);
  return `Kling's API does not sell ${model.name}; it is sold by ${andList(providers)}: give the provider, e.g. KLING_API_COST("pro", 10, TRUE, "${shortModelName(model.name)}", "${providers[0] ?? ''}")`;
}

function findProvider(engine: PricingEngine, name: string): Provider | undefined {
  const wanted = key(name);
  return engine.book.providers.find((p) => key(p.name) === wanted);
}

/** USD of one generation at a reseller; an error naming who sells the model when this provider does not. */
export function resellerPrice(engine: PricingEngine, name: string, model: unknown, mode: unknown, secs: unknown, audio: unknown): number {
  const found = readModel(engine, model, 'model', 'api');
  const provider = findProvider(engine, name);
  const sold = provider ? found.resellers.find((r) => key(r.provider) === key(provider.name)) : undefined;
  if (!provider || !sold) {
    const what = provider ? `does not sell ${found.name}` : 'is not a provider of the price book';
    throw new InputError(`provider ${describeValue(name)} ${what}; ${sellers(found)}`);
  }
  const clip = readClip(engine, { model, mode, secs, audio }, { provider: provider.name });
  return (clip as { value: number }).value / TICKS_PER_USD;
}
