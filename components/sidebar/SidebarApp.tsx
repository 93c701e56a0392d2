import type { SidebarModel } from '../../lib/ui/sidebar-model';
import { Sidebar } from './Sidebar';
import { ProfilePanel } from './ProfilePanel';
import { ThreadPanel } from './ThreadPanel';
import { ConversationsPanel } from './ConversationsPanel';
import { CompanyPanel } from './CompanyPanel';
import { PeopleListPanel } from './PeopleListPanel';
import { SalesNavPanel } from './SalesNavPanel';

/** The sidebar frame: the panel for the page context the content script reported. */
export function SidebarApp({ model }: { model: SidebarModel }) {
  const site = model.site.value;
  const context = model.context.value;
  if (!site || context.kind === 'none') return null;
  return (
    <Sidebar site={site} collapsed={model.collapsed.value} onToggle={() => model.toggle()}>
      {context.kind === 'linkedin-profile' && <ProfilePanel model={model.profile} />}
      {context.kind === 'gmail-thread' && <ThreadPanel model={model.thread} />}
      {context.kind === 'linkedin-company' && <CompanyPanel model={model.company} />}
      {context.kind === 'linkedin-people' && <PeopleListPanel model={model.people} />}
      {context.kind === 'linkedin-salesnav' && <SalesNavPanel model={model.salesLead} />}
      <ConversationsPanel model={model.conversations} />
    </Sidebar>
  );
}
