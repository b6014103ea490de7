// The billable families priced outside the meter, as the bill calls them: Conversational AI and speech AI (ai.ts)
// and the Video Live component's audience (videoLive.ts). Before metering, their participants enter the rooms (the
// AI bots and the recognition robot) or leave them (the component's audience); after the rooms' deduction, their
// lines are settled against what is left of the free minutes and the Live packages (families.ts).

import { D } from '../decimal';
import type { Message } from '../common';
import type { Scenario } from '../scenario/types';
import { planAi, withAiParticipants } from './ai';
import { amountOf, settleFamilies, type FamilyResult } from './families';
import type { PackageState } from './packages';
import type { Rules } from './rules';
import type { Deduction } from './settle';
import { planVideoLive, withoutComponentAudience } from './videoLive';

export interface ServiceFamilies {
  /** The scenario the meter bills (the AI participants added, the component audience removed). */
  scenario: Scenario;
  /** The families' lines, after the rooms' deduction (consumes the free minutes and packages left). */
  bill(ctx: { rules: Rules; deduction: Deduction; packages: readonly PackageState[] }): FamilyResult & { warnings: Message[]; assumptions: Message[] };
  /**
   * A room's own list price of these families (its AI, speech and component audience lines, billed as if the room
   * were alone: its own rounding, no free minutes, no packages), for the per-room figures; undefined when it has none.
   * `perSession`: one session's amount before rounding.
   */
  roomList(index: number, rules: Rules): { monthly: D; perSession: D } | undefined;
}

const NONE: FamilyResult & { warnings: Message[]; assumptions: Message[] } = {
  lines: [],
  total: new D(0),
  daily: new Map(),
  freeUsed: 0,
  warnings: [],
  assumptions: [],
};

export function prepareServices(s: Scenario): ServiceFamilies {
  if (!s.rooms.some((r) => r.ai || r.component)) return { scenario: s, bill: () => NONE, roomList: () => undefined };
  const ai = planAi(s);
  const live = planVideoLive(s);
  const scenario: Scenario = { ...s, rooms: s.rooms.map((r) => withoutComponentAudience(withAiParticipants(r, s), s)) };
  return {
    scenario,
    bill: ({ rules, deduction, packages }) => {
      const ctx = { s, rules, packages, ...(deduction.freePlan ? { free: deduction.freePlan } : {}) };
      // Rooms keep their indices and apps in the metered scenario, so the quantities of `s` settle per app as its rooms do.
      const r = settleFamilies([...ai.quantities, ...live.quantities], [...ai.prices, ...live.prices], ctx);
      return { ...r, warnings: [...ai.warnings, ...live.warnings], assumptions: [...ai.assumptions, ...live.assumptions] };
    },
    roomList: (index, rules) => {
      const quantities = [...ai.quantities, ...live.quantities].filter((q) => q.room === index && q.perSession > 0);
      if (!quantities.length) return undefined;
      const prices = [...ai.prices, ...live.prices];
      const monthly = settleFamilies(quantities, prices, { s, rules, packages: [] }).total;
      let perSession = new D(0);
      for (const q of quantities) {
        const price = prices.find((p) => p.key === q.key);
        if (!price) continue;
        const units = price.per === '1000-chars' ? new D(q.perSession) : new D(q.perSession).div(60);
        perSession = perSession.plus(amountOf(price, units.times(q.multiplier ?? 1)));
      }
      return { monthly, perSession };
    },
  };
}
