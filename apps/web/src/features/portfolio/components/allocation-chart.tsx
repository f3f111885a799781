import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useTheme } from '@mui/material/styles';

export interface AllocationSlice {
  name: string;
  /** Percent of the total value (a number only for drawing; the table shows the exact figure). */
  value: number;
  label: string;
}

const PALETTE = ['#1976d2', '#9c27b0', '#ed6c02', '#2e7d32', '#0288d1', '#d81b60', '#5d4037', '#00897b', '#7b1fa2', '#c0ca33'];

/** Recharts lives in its own chunk: this file is only loaded by the portfolio page, lazily. */
export default function AllocationChart({ slices, label }: { slices: AllocationSlice[]; label: string }) {
  const theme = useTheme();
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <PieChart>
          <Pie data={slices} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={false}>
            {slices.map((slice, i) => (
              <Cell key={slice.name} fill={slice.name === 'USDT' ? theme.palette.grey[500] : PALETTE[i % PALETTE.length]} />
            ))}
          </Pie>
          <Tooltip formatter={(_value, _name, item) => (item.payload as AllocationSlice).label} />
          <Legend wrapperStyle={{ color: theme.palette.text.primary }} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
