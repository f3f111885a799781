import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material/styles';
import type { EquityPoint } from '@cryptosim/contracts';
import { useFormat } from '@/lib/i18n';

/** The equity curve; loaded lazily with Recharts. Values go through Number only to be drawn. */
export default function EquityChart({ points, label }: { points: readonly EquityPoint[]; label: string }) {
  const theme = useTheme();
  const format = useFormat();
  const data = points.map((p) => ({ time: p.time, value: Number(p.value), text: p.value }));
  const colour = theme.palette.primary.main;
  // A flat account spans cents, not thousands: enough decimals that no two ticks read alike.
  const values = data.map((d) => d.value);
  const span = values.length ? Math.max(...values) - Math.min(...values) : 0;
  const tickDigits = span >= 50 ? 0 : 2;
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => format.time(ms)}
            stroke={theme.palette.text.secondary} tick={{ fontSize: 11 }} minTickGap={40} />
          <YAxis domain={['auto', 'auto']} width={72} tickFormatter={(v: number) => format.quantity(v.toFixed(tickDigits))} stroke={theme.palette.text.secondary} tick={{ fontSize: 11 }} />
          <Tooltip
            labelFormatter={(ms) => format.dateTime(Number(ms))}
            formatter={(_v, _n, item) => format.money((item.payload as { text: string }).text)}
            contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }}
          />
          <Area type="monotone" dataKey="value" stroke={colour} fill={colour} fillOpacity={0.15} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
