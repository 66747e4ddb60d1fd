// Small pieces the dialogue pages share: status tags, the portal address of a results page.
import { Tag } from 'antd';
import type { ConferenceStatus, RecommendationStatus } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const STATUS_COLOR: Record<ConferenceStatus, string> = { planned: 'blue', held: 'green', not_held: 'default' };
const REC_COLOR: Record<RecommendationStatus, string> = { answered: 'green', in_progress: 'gold', resolved: 'green' };

export function StatusTag({ status }: { status: ConferenceStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`dialogue.status.${status}`)}</Tag>;
}

export function RecommendationTag({ status }: { status: RecommendationStatus }) {
  const { t } = useI18n();
  return <Tag color={REC_COLOR[status]}>{t(`dialogue.recStatus.${status}`)}</Tag>;
}

/** The residents' results page of a conference on the portal. */
export const resultsPath = (id: string) => `/hoi-nghi/${encodeURIComponent(id)}`;
