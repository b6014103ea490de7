// The shared vocabulary at the bottom of the core: every stage (detect, project, scenario, meter, bill, present) and
// every front end may import it; it imports no stage.
export type { Text, Locale, Message, Problem } from './text';
export type { Confidence, Citation } from './citation';
export { TIERS, tierName, resText, type Tier } from './tiers';
export { formatMoney, fmtInt, type Currency } from './money';
export { SERVICE_TEXT, ROLE_TEXT, REGION_TEXT, serviceText, idText } from './services';
