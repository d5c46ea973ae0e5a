import type { EffectContext, IntakeItem, ItemEffects } from '../item-effects.contract';

/** PLACEHOLDER until H2's sentence grammar (branch intake-effects) lands: no effects. */
export function effectsOfItem(item: IntakeItem, ctx: EffectContext): ItemEffects {
  void item;
  void ctx;
  return { proposals: [], amounts: [], notUnderstood: [] };
}
