import type { ReportTable } from '@eldercare/contracts';
import { alertBars, centreMonth, csvLink, reportQuery, responseBars, workbookLink } from './report-query';

describe('the report query', () => {
  it('is the Shanghai month', () => {
    expect(centreMonth(Date.parse('2026-02-28T17:00:00Z'))).toBe('2026-03');
  });

  it('leaves the region out for the whole scope', () => {
    expect(reportQuery('2026-03', '')).toBe('month=2026-03');
    expect(reportQuery('2026-03', 'r-1')).toBe('month=2026-03&regionId=r-1');
  });

  it('links one table as CSV', () => {
    expect(csvLink('2026-03', 'r-1', 'alerts')).toBe(
      '/api/reports/monthly?month=2026-03&regionId=r-1&format=csv&table=alerts',
    );
    expect(workbookLink('2026-03', '')).toBe('/api/reports/monthly?month=2026-03&format=xlsx');
  });
});

describe('chart bars', () => {
  it('adds the alerts of a rule over its severities, most first', () => {
    const table: ReportTable = {
      name: 'alerts',
      columns: ['告警类型', '级别', '告警数'],
      rows: [
        ['跌倒', '危急', 2],
        ['紧急呼叫', '危急', 5],
        ['跌倒', '紧急', 4],
      ],
    };
    expect(alertBars(table)).toEqual([
      { label: '跌倒', values: [6] },
      { label: '紧急呼叫', values: [5] },
    ]);
  });

  it('pairs the shares answered in time and skips severities without alerts', () => {
    const table: ReportTable = {
      name: 'response',
      columns: ['级别', '告警数', '已接警数', '60秒内接警率（%）', '180秒内接警率（%）'],
      rows: [
        ['危急', 10, 10, 80, 100],
        ['紧急', 0, 0, null, null],
      ],
    };
    expect(responseBars(table)).toEqual({
      series: ['60秒内接警率（%）', '180秒内接警率（%）'],
      bars: [{ label: '危急', values: [80, 100] }],
    });
  });
});
