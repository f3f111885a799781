import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { Baselines, WeekAccuracy } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { fractionPercent } from './ai-format';

/** The lines' key, in the page's text (hidden from screen readers: the chart's label says it all). */
function Key({ items }: { items: ReadonlyArray<readonly [string, string, 'solid' | 'dashed' | 'dotted']> }) {
  return (
    <Stack direction="row" aria-hidden sx={{ flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, mb: 1 }}>
      {items.map(([name, colour, style]) => (
        <Stack key={name} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 18, borderTop: `2px ${style} ${colour}` }} />
          <Typography variant="caption">{name}</Typography>
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * Weekly accuracy against the two baselines (flat lines: the server scores the baselines over
 * the whole record). Loaded lazily with Recharts.
 */
export default function AccuracyChart({ weeks, baselines }: { weeks: readonly WeekAccuracy[]; baselines: Baselines }) {
  const theme = useTheme();
  const format = useFormat();
  const t = useT();
  const data = weeks.map((w) => ({ week: w.week, accuracy: w.accuracy, scored: w.scored }));
  const majority = baselines.majority.accuracy;
  const persistence = baselines.persistence.accuracy;
  const axis = { stroke: theme.palette.text.secondary, tick: { fontSize: 11 } };
  const label = t('ai.record.byWeekAria', { majority: fractionPercent(format, majority), persistence: fractionPercent(format, persistence) });
  return (
    <div role="img" aria-label={label} style={{ width: '100%' }}>
      <Key
        items={[
          [t('ai.record.accuracy'), theme.palette.primary.main, 'solid'],
          [t('ai.record.majority'), theme.palette.warning.main, 'dashed'],
          [t('ai.record.persistence'), theme.palette.info.main, 'dotted'],
        ]}
      />
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
            <XAxis dataKey="week" {...axis} minTickGap={24} />
            <YAxis domain={[0, 1]} width={48} tickFormatter={(v: number) => fractionPercent(format, v)} {...axis} />
            <Tooltip
              labelFormatter={(week) => t('ai.record.week', { date: String(week) })}
              formatter={(value, _name, item) => [`${fractionPercent(format, Number(value))} · ${t('ai.record.scored')} ${format.quantity(String((item.payload as { scored: number }).scored))}`, t('ai.record.accuracy')]}
              contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }}
            />
            {majority !== null ? (
              <ReferenceLine y={majority} stroke={theme.palette.warning.main} strokeDasharray="6 3" label={{ value: t('ai.record.majority'), position: 'insideBottomRight', fill: theme.palette.text.secondary, fontSize: 11 }} />
            ) : null}
            {persistence !== null ? (
              <ReferenceLine y={persistence} stroke={theme.palette.info.main} strokeDasharray="2 3" label={{ value: t('ai.record.persistence'), position: 'insideTopLeft', fill: theme.palette.text.secondary, fontSize: 11 }} />
            ) : null}
            <Line type="monotone" dataKey="accuracy" stroke={theme.palette.primary.main} strokeWidth={2} dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
