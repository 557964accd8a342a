import type { GuideType } from '../../compositions/common/envelope';
import type { GuideTypeDefinition } from '../../compositions/common/guide-type';

/**
 * The browser loads only the guide type it plays: each type's schema, storyboard and copy is its own
 * chunk, fetched once the manifest names the type (the other five never reach the phone).
 */
const LOADERS: Record<GuideType, () => Promise<GuideTypeDefinition>> = {
  naspi: () => import('../../compositions/naspi').then((m) => m.naspiType as GuideTypeDefinition),
  pensione: () => import('../../compositions/pensione').then((m) => m.pensioneType as GuideTypeDefinition),
  red: () => import('../../compositions/red').then((m) => m.redType as GuideTypeDefinition),
  auu: () => import('../../compositions/auu').then((m) => m.auuType as GuideTypeDefinition),
  sfl: () => import('../../compositions/sfl').then((m) => m.sflType as GuideTypeDefinition),
  invalidita: () => import('../../compositions/invalidita').then((m) => m.invaliditaType as GuideTypeDefinition),
};

// Loaded modules, like the browser's own module map: a type's code is fetched at most once per page.
const loaded = new Map<string, GuideTypeDefinition>();

export const isGuideType = (type: string): type is GuideType => Object.hasOwn(LOADERS, type);

export async function loadGuideType(type: GuideType): Promise<GuideTypeDefinition> {
  const known = loaded.get(type);
  if (known) return known;
  const def = await LOADERS[type]();
  loaded.set(type, def);
  return def;
}

/** A type already loaded by the manifest that named it. */
export function loadedGuideType(type: string): GuideTypeDefinition {
  const def = loaded.get(type);
  if (!def) throw new Error(`guide type ${type} is not loaded`);
  return def;
}
