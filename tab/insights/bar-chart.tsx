// A horizontal bar chart drawn as plain SVG: each bar's number is written beside it, labels sit in their own
// column so they never overlap the bars, and counts get an axis of whole numbers.
import { tokens } from '@fluentui/react-components';
import { useContext } from 'react';
import type { ThemeName } from '../host/teams-host';
import { ThemeNameContext } from '../theme';
import { integerTicks } from './ticks';

/** Fluent palette colours that stay apart from each other in the light and dark themes. */
const SERIES_COLOURS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
];
// Teams' high-contrast theme gives every palette colour the same cyan, so bars of one chart would look alike:
// bright colours, each well apart and far above 3:1 against its black background.
const HIGH_CONTRAST_COLOURS = ['#1aebff', '#ffff00', '#3ff23f', '#ff66ff', '#ffffff', '#ff9900'];

const seriesColour = (theme: ThemeName, index: number) => {
  const colours = theme === 'contrast' ? HIGH_CONTRAST_COLOURS : SERIES_COLOURS;
  return colours[index % colours.length]!;
};

export interface Bar {
  label: string;
  value: number;
  /** The number as written beside the bar (e.g. money, a percentage); the value itself when absent. */
  text?: string;
  colour?: string;
}

interface BarChartProps {
  title: string;
  bars: Bar[];
  /** Counts: an axis of whole numbers under the bars. */
  isCount?: boolean;
  /** The largest value the axis shows (e.g. 100 for percentages); the largest bar's when absent. */
  max?: number;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;
const TEXT_WIDTH = 140;
const AXIS_HEIGHT = 22;
// At the 14 px text the theme gives, about what fits in the label column.
const CHARS_PER_LABEL = 24;

const fit = (label: string) =>
  label.length > CHARS_PER_LABEL ? `${label.slice(0, CHARS_PER_LABEL - 1)}…` : label;

export function BarChart({ title, bars, isCount = false, max }: BarChartProps) {
  const theme = useContext(ThemeNameContext);
  const ticks = isCount ? integerTicks(Math.max(0, ...bars.map((bar) => bar.value))) : [];
  const top = max ?? (isCount ? ticks[ticks.length - 1]! : Math.max(1, ...bars.map((bar) => bar.value)));
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  const height = bars.length * ROW_HEIGHT + (isCount ? AXIS_HEIGHT : 0);
  const x = (value: number) => LABEL_WIDTH + (top > 0 ? (value / top) * BAR_WIDTH : 0);
  const foreground = { fill: tokens.colorNeutralForeground1 };
  return (
    <figure style={{ margin: '12px 0' }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {bars.map((bar, index) => {
          const y = index * ROW_HEIGHT;
          const colour = bar.colour ?? seriesColour(theme, index);
          return (
            <g key={`${bar.label}-${index}`} data-bar={bar.label}>
              <title>{`${bar.label}: ${bar.text ?? bar.value}`}</title>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW_HEIGHT / 2}
                textAnchor="end"
                dominantBaseline="middle"
                style={foreground}
              >
                {fit(bar.label)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={Math.max(0, x(bar.value) - LABEL_WIDTH)}
                height={ROW_HEIGHT - 8}
                style={{ fill: colour }}
              />
              <text x={x(bar.value) + 6} y={y + ROW_HEIGHT / 2} dominantBaseline="middle" style={foreground}>
                {bar.text ?? String(bar.value)}
              </text>
            </g>
          );
        })}
        {isCount && (
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <text
                key={tick}
                x={x(tick)}
                y={bars.length * ROW_HEIGHT + 14}
                textAnchor="middle"
                style={{ ...foreground, fontSize: 11 }}
              >
                {tick}
              </text>
            ))}
          </g>
        )}
      </svg>
    </figure>
  );
}
