import type { ComponentChildren } from 'preact';

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
        <button type="button" class="ll-tab" aria-expanded="false" onClick={onToggle} title="Show Leadline (Alt+Shift+L)">
          Leadline
        </button>
      </aside>
    );
  }
  return (
    <aside role="complementary" aria-label="Leadline" class={`ll-sidebar ll-${site}`}>
      <header class="ll-header">
        <span class="ll-brand">Leadline</span>
        <button type="button" class="ll-icon-button" aria-expanded="true" onClick={onToggle} title="Hide (Alt+Shift+L)">
          Hide
        </button>
      </header>
      <div class="ll-body">{children}</div>
    </aside>
  );
}
