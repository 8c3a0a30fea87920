'use client';

import { countText, type ChartValue } from './count-text';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  values: Record<string, ChartValue | undefined>;
}

// Colours with at least 4.5:1 contrast on white. The legend and the table name each series too.
const seriesColours = ['#0b5cad', '#136c2e', '#b42318', '#6b4fbb', '#8a5a00'];

/**
 * Renders a bar chart with its data table. The chart is hidden from assistive technology, because the
 * table below it carries the same numbers, including the ones the small-number rule hides.
 */
export function BarChartFigure({
  id,
  title,
  description,
  rowHeader,
  rows,
  series,
  stacked = false,
}: {
  id: string;
  title: string;
  description: string;
  /** Heading of the table's first column, such as "School". */
  rowHeader: string;
  rows: ChartRow[];
  series: ChartSeries[];
  stacked?: boolean;
}) {
  const data = rows.map((row) => {
    const point: Record<string, string | number> = { label: row.label };
    for (const item of series) point[item.key] = row.values[item.key]?.count ?? 0;
    return point;
  });

  const allHidden = rows.every((row) => series.every((item) => row.values[item.key]?.count == null));

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="field-hint">{description}</p>
      {rows.length === 0 ? (
        <p>Nothing to show yet.</p>
      ) : (
        <>
          {allHidden && (
            <p className="notice notice-info">
              Every count in this chart is drawn from fewer than 5 students, so the bars stay empty. The table shows
              each cell.
            </p>
          )}
          <div className="chart-canvas" aria-hidden="true">
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="label"
                  interval={0}
                  tick={{ fontSize: 12 }}
                  angle={rows.length > 6 ? -35 : 0}
                  textAnchor={rows.length > 6 ? 'end' : 'middle'}
                  height={rows.length > 6 ? 110 : 30}
                />
                <YAxis allowDecimals={false} />
                <Tooltip />
                {series.length > 1 && <Legend />}
                {series.map((item, index) => (
                  <Bar
                    key={item.key}
                    dataKey={item.key}
                    name={item.label}
                    fill={seriesColours[index % seriesColours.length]}
                    stackId={stacked ? 'stack' : undefined}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="table">
            <caption className="table-caption">{title}, as a table</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((item) => (
                  <th key={item.key} scope="col">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {series.map((item) => (
                    <td key={item.key}>{countText(row.values[item.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
