import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n/i18n';

interface SidebarProps {
  /** Which host page: placement differs (each avoids that page's own controls). */
  site: 'linkedin' | 'gmail';
  collapsed: boolean;
  onToggle: () => void;
  children: ComponentChildren;
}

/** The sidebar frame: a landmark labelled "Leadline", collapsible to a small tab. */
export function Sidebar({ site, collapsed, onToggle, children }: SidebarProps) {
  if (collapsed) {
    return (
      <aside role="complementary" aria-label="Leadline" class={`ll-sidebar ll-${site} ll-collapsed`}>
        <button type="button" class="ll-tab" aria-expanded="false" onClick={onToggle} title={t('sidebar_show')}>
          Leadline
        </button>
      </aside>
    );
  }
  return (
    <aside role="complementary" aria-label="Leadline" class={`ll-sidebar ll-${site}`}>
      <header class="ll-header">
        <span class="ll-brand">Leadline</span>
        <button type="button" class="ll-icon-button" aria-expanded="true" onClick={onToggle} title={t('sidebar_hide_title')}>
          {t('sidebar_hide')}
        </button>
      </header>
      <div class="ll-body">{children}</div>
    </aside>
  );
}
