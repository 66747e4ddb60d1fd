// Residents' satisfaction with the answers of a unit and its subtree.
import { get, queryString } from './client.ts';

export interface Satisfaction {
  unit: { code: string; name: string };
  count: number;
  average: number | null;
  distribution: number[];
  comments: { score: number; comment: string; on: string; caseNumber: string }[];
}

export const getSatisfaction = (unit: string, signal?: AbortSignal) => get<Satisfaction>(`/api/satisfaction${queryString({ unit })}`, signal);
