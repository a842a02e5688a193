// The chat's own applications, as text; undefined when the chat is linked to no record. Scoped to the
// chat's own link: an unlinked chat learns nothing.
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { ChatIdentity } from '../../domain/artisans/chat-link.js';
import type { StageBook } from './stages.js';

export interface ChatStatusDeps {
  artisans: ArtisanRepository;
  messages: Messages;
  stages: StageBook;
}

export async function describeChatStatus(deps: ChatStatusDeps, input: { who: ChatIdentity; lang: Lang }): Promise<string | undefined> {
  const { lang } = input;
  const link = await deps.artisans.findChatLinkApplications(input.who);
  if (!link) return undefined;
  const t = (id: string, args?: Record<string, string>) => deps.messages.t(lang, id, args);
  const applications = link.applications;
  if (applications.length === 0) return t('artisan-no-applications');
  const date = (d: Date) => d.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  const blocks = applications.map((a) => {
    const stage = deps.stages.find(a.kind, a.stage);
    const next = a.nextStep ?? stage?.next?.[lang];
    return [
      t('artisan-application', { subject: a.subject, kind: t('kind-name', { kind: a.kind }), stage: stage?.label[lang] ?? a.stage, since: date(a.stageSince) }),
      a.reference ? t('artisan-reference', { reference: a.reference }) : '',
      next ? t('artisan-next', { next }) : '',
      a.missing ? t('artisan-missing', { missing: a.missing }) : '',
      a.office ? t('artisan-office', { office: a.office }) : '',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [t('artisan-status-heading'), ...blocks].join('\n\n');
}
