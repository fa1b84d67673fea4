// The catalog as a keyboard-navigable tree (parent → sub-programs → tracks). Virtualised so an office catalog with
// hundreds of funders scrolls smoothly; focus stays on the tree and aria-activedescendant marks the active row.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ProgramEntry } from '../../store/catalog';
import { formatBudgetShort } from '../../../shared/catalog/program-format';
import { observeRectWithoutLayout, scrollWithoutMountLayout, windowRect } from '../../components/virtual-scroll-box';

export type TreeItem =
  | { kind: 'program'; key: string; program: ProgramEntry; depth: number; expandable: boolean; expanded: boolean; matches: boolean }
  | { kind: 'track'; key: string; program: ProgramEntry; trackId: string; label: string; depth: number };

const ROW_HEIGHT = 30;

interface Props {
  items: readonly TreeItem[];
  activeIndex: number;
  onActiveChange: (index: number) => void;
  selectedKey: string | null;
  onSelect: (item: TreeItem) => void;
  onToggle: (programId: string, expand: boolean) => void;
  lang: 'ja' | 'en';
}

export function ProgramTree({ items, activeIndex, onActiveChange, selectedKey, onSelect, onToggle, lang }: Props) {
  const { t } = useTranslation('programs');
  const scrollRef = useRef<HTMLDivElement>(null);
  // Attached without a forced layout (virtual-scroll-box.ts): the tree's first mount does not lay out the screen in its commit.
  const [scrollToFn] = useState(() => scrollWithoutMountLayout<HTMLDivElement, Element>());
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12,
    observeElementRect: observeRectWithoutLayout, scrollToFn, initialRect: windowRect(),
  });

  // Scrolling to a row reads the list's scroll height, a forced layout of the screen (134 ms under load with 5,000
  // programs): only when the active row moves, not on each new length of the list (every re-read of the catalog), and
  // not for the first row on opening.
  const scrolledTo = useRef(0);
  useEffect(() => {
    if (activeIndex === scrolledTo.current || activeIndex < 0 || activeIndex >= items.length) return;
    scrolledTo.current = activeIndex;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, items.length, virtualizer]);

  const move = (index: number) => onActiveChange(Math.max(0, Math.min(items.length - 1, index)));

  const onKeyDown = (e: KeyboardEvent) => {
    const item = items[activeIndex];
    switch (e.key) {
      case 'ArrowDown':
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        move(activeIndex - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'PageDown':
        move(activeIndex + 10);
        break;
      case 'PageUp':
        move(activeIndex - 10);
        break;
      case 'ArrowRight':
        if (item?.kind === 'program' && item.expandable) {
          if (!item.expanded) onToggle(item.program.id, true);
          else move(activeIndex + 1);
        }
        break;
      case 'ArrowLeft': {
        if (item?.kind === 'program' && item.expandable && item.expanded) {
          onToggle(item.program.id, false);
          break;
        }
        const depth = item?.depth ?? 0;
        for (let i = activeIndex - 1; i >= 0; i--) {
          if (items[i]!.depth < depth) {
            move(i);
            break;
          }
        }
        break;
      }
      case 'Enter':
      case ' ':
        if (item) onSelect(item);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      className="program-tree"
      role="tree"
      aria-label={t('treeLabel')}
      tabIndex={0}
      aria-activedescendant={items[activeIndex] ? `program-tree-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          const selected = item.key === selectedKey;
          const active = v.index === activeIndex;
          const common = {
            id: `program-tree-row-${v.index}`,
            role: 'treeitem',
            'aria-level': item.depth + 1,
            'aria-selected': selected,
            className: `program-tree-row ${item.kind}${selected ? ' selected' : ''}${active ? ' active' : ''}`,
            style: { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, paddingLeft: 8 + item.depth * 18 },
            onClick: () => {
              onActiveChange(v.index);
              onSelect(item);
            },
          };
          if (item.kind === 'track') {
            return (
              <div key={item.key} {...common} data-track={item.trackId}>
                <span className="twisty" aria-hidden="true" />
                <span className="track-mark" aria-hidden="true">◇</span>
                <span className="row-name">{item.label}</span>
                <span className="row-kind">{t('track')}</span>
              </div>
            );
          }
          const p = item.program;
          const name = lang === 'en' && p.nameEn ? p.nameEn : p.nameJa;
          return (
            <div key={item.key} {...common} aria-expanded={item.expandable ? item.expanded : undefined} data-program={p.id}>
              <span
                className="twisty"
                aria-hidden="true"
                title={item.expandable ? (item.expanded ? t('collapse') : t('expand')) : undefined}
                onClick={(e) => {
                  if (!item.expandable) return;
                  e.stopPropagation();
                  onToggle(p.id, !item.expanded);
                }}
              >
                {item.expandable ? (item.expanded ? '▾' : '▸') : ''}
              </span>
              <span className={`row-name${item.matches ? '' : ' context'}`} title={name}>
                {name}
              </span>
              {p.abbreviation && <span className="badge abbr">{p.abbreviation}</span>}
              {p.source === 'office' && !p.editionId && (
                <span className={`badge ${p.overridesBuiltin ? 'warn' : 'ok'}`}>{p.overridesBuiltin ? t('badgeOverride') : t('badgeOffice')}</span>
              )}
              {p.editionId && (
                <span className="badge" title={t('badgeEdition', { id: p.editionId })}>
                  {t('badgeImported')}
                </span>
              )}
              <span className="row-budget">{formatBudgetShort(p.budgetYen.request, lang)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
