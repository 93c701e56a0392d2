import { describe, expect, it } from 'vitest';
import { RowMarks } from '../../lib/content/row-marks';
import { extractPeopleList } from '../../lib/sites/linkedin/people-list';
import { fixtureNames, loadPage } from './helpers/fixtures';

const lists = [...fixtureNames('linkedin-more/search').map((f) => `search/${f}`), ...fixtureNames('linkedin-more/mynetwork').map((f) => `mynetwork/${f}`)];
const plain = (root: ParentNode) => extractPeopleList(root, '').map(({ element: _e, ...row }) => row);

describe('marks on the rows of known leads', () => {
  it.each(lists)('%s: marks each known row once, changes nothing the list reads, and leaves no mark behind', (file) => {
    const root = loadPage(`linkedin-more/${file}`);
    const before = plain(root);
    const rows = extractPeopleList(root, '');
    let invalidate = () => {};
    const marks = new RowMarks({
      onInvalidated: (cb: () => void) => {
        invalidate = cb;
        return () => {};
      },
    });
    marks.setRows(rows);
    marks.setKnown(rows.map((r) => r.profileUrl));
    marks.apply(); // applied again after a re-read: still one mark per row
    const badges = () => [...root.querySelectorAll('[data-leadline="leadline-known"]')];
    expect(badges()).toHaveLength(rows.length);
    expect(badges().every((b) => b.textContent === 'Leadline' && !b.closest('button') && (b as HTMLElement).style.pointerEvents === 'none')).toBe(true);
    expect(plain(root)).toEqual(before);

    // One person is no longer a lead (deleted): their mark goes, the others stay.
    marks.setKnown(rows.slice(1).map((r) => r.profileUrl));
    expect(badges()).toHaveLength(rows.length - 1);
    expect(rows[0]!.element.querySelector('[data-leadline]')).toBeNull();
    invalidate();
    expect(badges()).toHaveLength(0);
  });
});
