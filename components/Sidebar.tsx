import type { ComponentChildren } from 'preact';

interface SidebarProps {
  collapsed: boolean;
  onToggle: () => void;
  children: ComponentChildren;
}

/** The sidebar frame: a landmark labelled "Leadline", collapsible to a small tab. */
export function Sidebar({ collapsed, onToggle, children }: SidebarProps) {
  if (collapsed) {
    return (
      <aside role="complementary" aria-label="Leadline" class="ll-sidebar ll-collapsed">
        <button type="button" class="ll-tab" aria-expanded="false" onClick={onToggle} title="Show Leadline (Alt+Shift+L)">
          Leadline
        </button>
      </aside>
    );
  }
  return (
    <aside role="complementary" aria-label="Leadline" class="ll-sidebar">
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
