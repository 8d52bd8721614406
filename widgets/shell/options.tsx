import type { ComponentChildren } from 'preact';

export interface Option {
  value: number;
  content: ComponentChildren;
  /** Accessible name when the content alone is not one (a star glyph). */
  name?: string;
}

interface OptionsProps {
  options: Option[];
  selected: number[];
  /** Checkboxes instead of radios. */
  multiple?: boolean;
  onPick(value: number): void;
  className: string;
  labelledBy: string;
  describedBy?: string;
  rtl: boolean;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * One option group for every scale and choice list (WAI-ARIA APG radio group): radios have
 * a roving tabindex and arrow keys move and select, wrapping; checkboxes are each a tab stop.
 */
export function Options({ options, selected, multiple, onPick, className, labelledBy, describedBy, rtl }: OptionsProps) {
  const checkedIndex = options.findIndex((option) => selected.includes(option.value));
  const tabStop = Math.max(checkedIndex, 0);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const { key } = event;
    if (key === ' ' || key === 'Enter') {
      event.preventDefault();
      onPick(options[index]!.value);
      return;
    }
    if (multiple) return;
    let step = STEP[key];
    if (step && rtl && (key === 'ArrowLeft' || key === 'ArrowRight')) step = -step; // left/right follow the reading direction
    const count = options.length;
    const next = key === 'Home' ? 0 : key === 'End' ? count - 1 : step ? (index + step + count) % count : -1;
    if (next < 0) return;
    event.preventDefault();
    ((event.currentTarget as HTMLElement).parentElement?.children[next] as HTMLElement | undefined)?.focus();
    onPick(options[next]!.value);
  };
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is set below, radiogroup or group, and both take a label
    <div class={`wm-group ${className}`} role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {options.map((option, index) => (
        // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: each option is a radio or a checkbox (WAI-ARIA APG), chosen with `multiple`
        <div
          key={option.value}
          class="wm-option"
          role={multiple ? 'checkbox' : 'radio'}
          aria-checked={selected.includes(option.value) ? 'true' : 'false'}
          aria-label={option.name}
          tabIndex={multiple || index === tabStop ? 0 : -1}
          onClick={() => onPick(option.value)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {option.content}
        </div>
      ))}
    </div>
  );
}
