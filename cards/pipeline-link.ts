// A card's way into the pipeline tab: a Teams deep link to the channel tab, opened on this referral. Teams hands
// the context's subEntityId to the tab (teams-js `page.subPageId`), which opens the referral's detail.
// Deep link format: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
import type { OpenUrlAction } from './customer-contacts';

/** The channel tab's entity id, as the tab's configuration page sets it (tab/config-page.tsx). */
export const PIPELINE_ENTITY_ID = 'pipeline';

/** Where the card's "Open in pipeline" goes: the Teams app (its id) and the channel the card is in. */
export interface PipelineLink {
  appId: string;
  channelId?: string;
}

export function pipelineDeepLink(link: PipelineLink, referralId: string): string {
  const context = JSON.stringify({
    subEntityId: referralId,
    ...(link.channelId ? { channelId: link.channelId } : {}),
  });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(link.appId)}/${PIPELINE_ENTITY_ID}` +
    `?context=${encodeURIComponent(context)}`
  );
}

/** The card's "Open in pipeline" button; none when no app id is known (local mode has no Teams app). */
export function pipelineActions(title: string, referralId: string, link?: PipelineLink): OpenUrlAction[] {
  return link ? [{ type: 'Action.OpenUrl', title, url: pipelineDeepLink(link, referralId) }] : [];
}
