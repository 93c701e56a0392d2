/**
 * Reads whatever LinkedIn page is on screen into a page context for the sidebar: a profile, a
 * company page, a people list, a Sales Navigator lead, and the conversations open on any page
 * (the messaging thread pane and overlay bubbles). Only reads: the pure adapters in lib/sites.
 */
import type { Reading } from './page-watch';
import type { ListedPerson, PageContext } from '../messaging/sidebar-channel';
import { extract } from '../sites/linkedin/extract';
import { extractCompany } from '../sites/linkedin/company';
import { extractConversations } from '../sites/linkedin/messaging';
import { extractPeopleList, type PersonRow } from '../sites/linkedin/people-list';
import { extractSalesLead } from '../sites/linkedin/salesnav';
import { currentCompanyUrl, memberIdOnProfile, rowMemberId } from '../sites/linkedin/profile-links';
import { firstOf } from '../sites/linkedin/extract';
import { COMPANY_SELF_LINK } from '../sites/linkedin/selectors';
import { companySlug, isCompanyPage, isMessagingThread, isMyNetworkList, isPeopleSearch, isProfile, isSalesLead, profileSlug } from '../sites/linkedin/url';

export interface LinkedinReading extends Reading<PageContext> {
  /** The list rows behind a `linkedin-people` context (their elements stay in the content script). */
  rows: PersonRow[];
}

/**
 * Remembers a profile's member id: the data blobs are searched once per address when they name it,
 * and a few times at most while they do not (the page may still be arriving).
 */
export class MemberIds {
  private url = '';
  private id: string | null = null;
  private tries = 0;

  of(doc: Document, url: string): string | null {
    if (url !== this.url) {
      this.url = url;
      this.id = null;
      this.tries = 0;
    }
    if (this.id === null && this.tries < 5) {
      this.tries++;
      this.id = memberIdOnProfile(doc, profileSlug(url));
    }
    return this.id;
  }
}

/** One reading of the page at `url`, made at `readAt` (against which "Today" or "Wednesday" resolve). */
export function readLinkedinPage(doc: Document, url: string, readAt: Date, memberIds: MemberIds): LinkedinReading {
  // Conversations with nothing readable (a bubble still loading) are left out until they show something.
  const conversations = extractConversations(doc, url, readAt).filter((c) => c.messages.length > 0 || c.partner.name !== null);
  const settled = conversations.every((c) => c.partner.name !== null);

  if (isProfile(url)) {
    const profile = extract(doc, url);
    const fresh = profile.contentSlug === null || profile.contentSlug === profileSlug(url);
    const context: PageContext = {
      kind: 'linkedin-profile',
      url,
      profile,
      memberId: memberIds.of(doc, url),
      companyUrl: currentCompanyUrl(doc, profile.found.company)?.url ?? null,
      conversations,
    };
    return { value: context, complete: fresh && profile.found.name !== undefined && settled, fresh, rows: [] };
  }
  if (isCompanyPage(url)) {
    const company = extractCompany(doc, url);
    // After an in-app move between companies the old page lingers a moment: its tab links name the old slug.
    const self = firstOf(doc, COMPANY_SELF_LINK);
    const fresh = !self || companySlug(self.value) === companySlug(url);
    return { value: { kind: 'linkedin-company', url, company, conversations }, complete: fresh && company.found.name !== undefined, fresh, rows: [] };
  }
  if (isSalesLead(url)) {
    const lead = extractSalesLead(doc, url);
    return { value: { kind: 'linkedin-salesnav', url, lead, conversations }, complete: lead.found.name !== undefined, fresh: true, rows: [] };
  }
  if (isPeopleSearch(url) || isMyNetworkList(url)) {
    const rows = extractPeopleList(doc, url);
    const people = rows.map(listedPerson);
    return { value: { kind: 'linkedin-people', url, people, conversations }, complete: people.length > 0, fresh: true, rows };
  }
  if (conversations.length > 0 || isMessagingThread(url)) {
    return { value: { kind: 'linkedin-messaging', url, conversations }, complete: conversations.length > 0 && settled, fresh: true, rows: [] };
  }
  return { value: { kind: 'none' }, complete: true, fresh: true, rows: [] };
}

/** A list row as plain data for the sidebar, with the member id it names the person by. */
export function listedPerson(row: PersonRow): ListedPerson {
  return {
    name: row.name,
    headline: row.headline,
    location: row.location,
    profileUrl: row.profileUrl,
    profileUrlKind: row.profileUrlKind,
    memberId: rowMemberId(row.element, row.profileUrl),
  };
}
