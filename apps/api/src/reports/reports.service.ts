import type { MonthlyReport, ReportTable } from '@eldercare/contracts';
import {
  AGED_65_CATEGORY,
  ALERT_OUTCOMES,
  ELDER_CATEGORIES,
  ADAPTATION_STAGES,
  coinsOf,
  DAY_MS,
  DEVICE_POSITION_WINDOW_MINUTES,
  distanceElsewhereM,
  DomainError,
  entitlementOf,
  isAlertOutcome,
  isFalseAlarm,
  isRuleCode,
  isServiceCode,
  isSeverity,
  LOCAL_UTC_OFFSET_MS,
  localMonthBounds,
  localMonthOf,
  monthlyVisitRate,
  RULE_CODES,
  RULES,
  SERVICE_CODES,
  SERVICES,
  SEVERITIES,
  SEVERITY_LABELS,
  type AccessScope,
  type Severity,
} from '@eldercare/domain';
import {
  AdaptationCaseRepository,
  CarePlanRepository,
  RegionRepository,
  ReportRepository,
  RiskVisitRepository,
  type ReportWindow,
} from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { reportCsv } from './report-csv';
import { reportWorkbook } from './report-workbook';

/**
 * The tables of the monthly report, in the order it gives them. Their names are in CSV links and bookmarks that
 * the bureau keeps: never rename one.
 */
export const REPORT_TABLE_NAMES = [
  'alerts',
  'response',
  'false-alarms',
  'services',
  'visits',
  'ratings',
  'coverage',
  'meals',
  'meal-cross-check',
  'time-bank',
  'risk-visits',
  'adaptation',
] as const;

export type ReportTableName = (typeof REPORT_TABLE_NAMES)[number];

/** The severities whose answer times the dispatch centre is held to. */
const TIMED_SEVERITIES: readonly Severity[] = ['critical', 'urgent'];

const FALSE_ALARM_OUTCOMES = Object.keys(ALERT_OUTCOMES).filter(
  (outcome) => isAlertOutcome(outcome) && isFalseAlarm(outcome),
);

const UNIT_LABELS = { visit: '次', meal: '餐', hour: '小时' } as const;

/** A complaint that names no provider, nor a visit of one. */
const NO_PROVIDER = '（未指明服务商）';

/** A share in per cent with one decimal; none of nothing. */
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
const oneDecimal = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
const twoDecimals = (value: number): number => Math.round(value * 100) / 100;

const ruleLabel = (rule: string) => (isRuleCode(rule) ? RULES[rule].zh : rule);
const severityLabel = (severity: string) => (isSeverity(severity) ? SEVERITY_LABELS[severity].zh : severity);
const ruleOrder = (rule: string) => (isRuleCode(rule) ? RULE_CODES.indexOf(rule) : RULE_CODES.length);
const severityOrder = (severity: string) => (isSeverity(severity) ? SEVERITIES.indexOf(severity) : SEVERITIES.length);
const serviceOrder = (service: string) =>
  isServiceCode(service) ? SERVICE_CODES.indexOf(service) : SERVICE_CODES.length;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A month of one region, or of the whole scope, as the queries see it. */
interface ReportPeriod {
  window: ReportWindow;
  /** The instant coverage is taken at: the month's end, or now while the month runs. */
  coverageAt: number;
}

/**
 * The bureau's monthly report (月度报表): alerts and how fast they were answered, false alarms, services owed and
 * delivered per provider, visits, ratings and complaints, device coverage per community. A local (Asia/Shanghai)
 * month, of the viewer's whole scope or of one region in it; alert figures are about alerts raised in the month,
 * service and visit figures about orders starting in it, ratings and complaints about those given in it.
 */
@Injectable()
export class ReportsService {
  private readonly tables: Record<ReportTableName, (period: ReportPeriod) => Promise<ReportTable>> = {
    alerts: (period) => this.alertsTable(period),
    response: (period) => this.responseTable(period),
    'false-alarms': (period) => this.falseAlarmsTable(period),
    services: (period) => this.servicesTable(period),
    visits: (period) => this.visitsTable(period),
    ratings: (period) => this.ratingsTable(period),
    coverage: (period) => this.coverageTable(period),
    meals: (period) => this.mealsTable(period),
    'meal-cross-check': (period) => this.mealCrossCheckTable(period),
    'time-bank': (period) => this.timeBankTable(period),
    'risk-visits': (period) => this.riskVisitsTable(period),
    adaptation: (period) => this.adaptationTable(period),
  };

  constructor(
    private readonly reports: ReportRepository,
    private readonly plans: CarePlanRepository,
    private readonly regions: RegionRepository,
    private readonly riskVisits: RiskVisitRepository,
    private readonly adaptation: AdaptationCaseRepository,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  /** The month's tables of what `scope` sees, all or those named, in the report's order. */
  async monthly(
    scope: AccessScope,
    request: { month: string; regionId?: string; tables?: readonly ReportTableName[] },
    now = Date.now(),
  ): Promise<MonthlyReport> {
    const bounds = monthBounds(request.month, now);
    const region = request.regionId === undefined ? null : await this.regionOf(scope, request.regionId);
    const period: ReportPeriod = {
      window: { scope, regionId: region?.id, from: new Date(bounds.start), to: new Date(bounds.end) },
      coverageAt: bounds.coverageAt,
    };
    const names = REPORT_TABLE_NAMES.filter((name) => !request.tables || request.tables.includes(name));
    const tables = await Promise.all(names.map((name) => this.tables[name](period)));
    return { month: request.month, region: region && { id: region.id, name: region.name }, tables };
  }

  /** One table of the month as a CSV file for Excel, with a file name that says what it holds. */
  async monthlyCsv(
    scope: AccessScope,
    request: { month: string; regionId?: string; table: ReportTableName },
    now = Date.now(),
  ): Promise<{ fileName: string; csv: string }> {
    const report = await this.monthly(scope, { ...request, tables: [request.table] }, now);
    const [table] = report.tables;
    return { fileName: `report-${request.month}-${request.table}.csv`, csv: reportCsv(table) };
  }

  /** Every table of the month as one Excel workbook, with a cover sheet naming the region, the month and when. */
  async monthlyWorkbook(
    scope: AccessScope,
    request: { month: string; regionId?: string },
    now = Date.now(),
  ): Promise<{ fileName: string; workbook: Buffer }> {
    const report = await this.monthly(scope, request, now);
    const regionName = report.region?.name ?? (await this.scopeName(scope));
    const workbook = await reportWorkbook(report, { regionName, madeAt: new Date(now) });
    return { fileName: `report-${request.month}.xlsx`, workbook };
  }

  /** What a report of the whole scope covers, in words: the city, or the names of the viewer's regions. */
  private async scopeName(scope: AccessScope): Promise<string> {
    if (scope.kind !== 'regions') return '全市';
    const regions = await this.regions.findInScope(scope);
    return regions
      .filter((region) => scope.regionIds.includes(region.id))
      .map((region) => region.name)
      .join('、');
  }

  private async regionOf(scope: AccessScope, regionId: string): Promise<{ id: string; name: string }> {
    const region = await this.reports.regionInScope(scope, regionId);
    if (!region) throw new DomainError('region-not-found', 'no region with this id is yours to see');
    return region;
  }

  private async alertsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.alertCounts(window);
    rows.sort(
      (a, b) =>
        ruleOrder(a.rule) - ruleOrder(b.rule) ||
        byText(a.rule, b.rule) ||
        severityOrder(a.severity) - severityOrder(b.severity),
    );
    return {
      name: 'alerts',
      columns: ['告警类型', '级别', '告警数'],
      rows: rows.map((row) => [ruleLabel(row.rule), severityLabel(row.severity), row.alerts]),
    };
  }

  /** One row per timed severity, with zeros and empty times when there was no such alert. */
  private async responseTable({ window }: ReportPeriod): Promise<ReportTable> {
    const { answerTargetSec: targetSec, answerWorstSec: worstSec } = this.options.console;
    const found = await this.reports.alertResponse(window, TIMED_SEVERITIES, { targetSec, worstSec });
    return {
      name: 'response',
      columns: [
        '级别',
        '告警数',
        '已接警数',
        `${targetSec}秒内接警率（%）`,
        `${worstSec}秒内接警率（%）`,
        '接警用时P50（秒）',
        '接警用时P90（秒）',
        '处置用时P50（秒）',
        '处置用时P90（秒）',
      ],
      rows: TIMED_SEVERITIES.map((severity) => {
        const row = found.find((candidate) => candidate.severity === severity);
        if (!row) return [severityLabel(severity), 0, 0, null, null, null, null, null, null];
        return [
          severityLabel(severity),
          row.alerts,
          row.acknowledged,
          percent(row.acknowledgedWithinTarget, row.alerts),
          percent(row.acknowledgedWithinWorst, row.alerts),
          oneDecimal(row.acknowledgeP50),
          oneDecimal(row.acknowledgeP90),
          oneDecimal(row.resolveP50),
          oneDecimal(row.resolveP90),
        ];
      }),
    };
  }

  private async falseAlarmsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.falseAlarms(window, FALSE_ALARM_OUTCOMES);
    rows.sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule) || byText(a.rule, b.rule));
    return {
      name: 'false-alarms',
      columns: ['告警类型', '已处置数', '误报数', '误报率（%）'],
      rows: rows.map((row) => [
        ruleLabel(row.rule),
        row.resolved,
        row.falseAlarms,
        percent(row.falseAlarms, row.resolved),
      ]),
    };
  }

  /**
   * Per provider and service. What is owed is the month's entitlement (`entitlementOf`) of the elders this provider
   * served with this service: an elder served by two providers counts in full at each, so the column tells what
   * those elders were owed, not what the provider was bought for.
   */
  private async servicesTable({ window }: ReportPeriod): Promise<ReportTable> {
    const [lines, rules] = await Promise.all([this.reports.serviceLines(window), this.plans.entitlementRules()]);
    const totals = new Map<
      string,
      {
        provider: { id: string; name: string };
        service: string;
        elders: number;
        owed: number;
        planned: number;
        delivered: number;
        missed: number;
      }
    >();
    for (const line of lines) {
      const key = `${line.provider.id}|${line.service}`;
      const total = totals.get(key) ?? {
        provider: line.provider,
        service: line.service,
        elders: 0,
        owed: 0,
        planned: 0,
        delivered: 0,
        missed: 0,
      };
      total.elders += 1;
      total.owed += isServiceCode(line.service) ? (entitlementOf(line.categories, rules).get(line.service) ?? 0) : 0;
      total.planned += line.planned;
      total.delivered += line.delivered;
      total.missed += line.missed;
      totals.set(key, total);
    }
    const rows = [...totals.values()].sort(
      (a, b) =>
        byText(a.provider.name, b.provider.name) ||
        byText(a.provider.id, b.provider.id) ||
        serviceOrder(a.service) - serviceOrder(b.service) ||
        byText(a.service, b.service),
    );
    return {
      name: 'services',
      columns: [
        '服务商',
        '服务项目',
        '单位',
        '服务老人数',
        '应享量',
        '计划量',
        '已服务量',
        '失约次数',
        '完成率（已服务/计划，%）',
        '兑现率（已服务/应享，%）',
      ],
      rows: rows.map((row) => {
        const catalogued = isServiceCode(row.service) ? SERVICES[row.service] : null;
        return [
          row.provider.name,
          catalogued?.zh ?? row.service,
          catalogued ? UNIT_LABELS[catalogued.unit] : null,
          row.elders,
          twoDecimals(row.owed),
          twoDecimals(row.planned),
          twoDecimals(row.delivered),
          row.missed,
          percent(row.delivered, row.planned),
          percent(row.delivered, row.owed),
        ];
      }),
    };
  }

  private async visitsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.visitCounts(window);
    return {
      name: 'visits',
      columns: ['服务商', '工单数', '已完成', '异常待处理', '异常已认可', '异常已驳回', '失约', '已取消'],
      rows: rows.map((row) => [
        row.provider.name,
        row.orders,
        row.delivered,
        row.exceptionsOpen,
        row.exceptionsApproved,
        row.exceptionsRejected,
        row.missed,
        row.cancelled,
      ]),
    };
  }

  /** Providers with ratings or complaints in the month; complaints that name no provider last. */
  private async ratingsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const [ratings, complaints] = await Promise.all([
      this.reports.ratingCounts(window),
      this.reports.complaintCounts(window),
    ]);
    const byProvider = new Map<
      string | null,
      { name: string; ratings: number; averageStars: number | null; complaints: number }
    >();
    for (const row of ratings)
      byProvider.set(row.provider.id, {
        name: row.provider.name,
        ratings: row.ratings,
        averageStars: twoDecimals(row.averageStars),
        complaints: 0,
      });
    for (const row of complaints) {
      const id = row.provider?.id ?? null;
      const entry = byProvider.get(id) ?? {
        name: row.provider?.name ?? NO_PROVIDER,
        ratings: 0,
        averageStars: null,
        complaints: 0,
      };
      entry.complaints += row.complaints;
      byProvider.set(id, entry);
    }
    const rows = [...byProvider.entries()].sort(
      ([idA, a], [idB, b]) =>
        Number(idA === null) - Number(idB === null) || byText(a.name, b.name) || byText(idA ?? '', idB ?? ''),
    );
    return {
      name: 'ratings',
      columns: ['服务商', '评价数', '平均星级', '投诉数'],
      rows: rows.map(([, row]) => [row.name, row.ratings, row.averageStars, row.complaints]),
    };
  }

  /**
   * The time bank per community: coins earned by its volunteers, spent on its elders' services from coins people
   * held, given to parents and grandparents, and outstanding at the month's end (the figure that shows whether
   * coins pile up unspent), with its volunteers and the hours they served.
   */
  private async timeBankTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.timeBank(window);
    return {
      name: 'time-bank',
      columns: [
        '区',
        '街道',
        '社区',
        '志愿者',
        '服务时长（小时）',
        '获得时间币',
        '兑换时间币',
        '赠与时间币',
        '月末结余时间币',
      ],
      rows: rows.map((row) => [
        row.district,
        row.street,
        row.community.name,
        row.volunteers,
        coinsOf(row.servedMinutes),
        coinsOf(row.earned),
        coinsOf(row.spent),
        coinsOf(row.given),
        coinsOf(row.outstanding),
      ]),
    };
  }

  /**
   * Visits to elders at risk per community: the national aim is a visit to every special-hardship (特困) elder every
   * month, so its rate is the first figure; the paired elders' rate follows.
   */
  private async riskVisitsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.riskVisits.monthByCommunity(window);
    return {
      name: 'risk-visits',
      columns: [
        '区',
        '街道',
        '社区',
        '特困老人',
        '本月已巡访',
        '巡访率（%，目标100）',
        '结对老人',
        '本月已巡访',
        '巡访率（%）',
      ],
      rows: rows.map((row) => [
        row.district,
        row.street,
        row.community.name,
        row.hardship,
        row.hardshipVisited,
        monthlyVisitRate(row.hardshipVisited, row.hardship),
        row.paired,
        row.pairedVisited,
        monthlyVisitRate(row.pairedVisited, row.paired),
      ]),
    };
  }

  /**
   * Home adaptation per district: cases at each stage now, the subsidy settled from the start of the month's year to
   * its end against the year's budget, and households whose works were accepted.
   */
  private async adaptationTable({ window }: ReportPeriod): Promise<ReportTable> {
    const year = Number(localMonthOf(window.from.getTime()).slice(0, 4));
    const yearStart = new Date(localMonthBounds(`${year}-01`).start);
    const [rows, budget] = await Promise.all([
      this.adaptation.byDistrict({ ...window, from: yearStart }),
      this.adaptation.budgetOf(year),
    ]);
    return {
      name: 'adaptation',
      columns: [
        '区',
        '已申请',
        '已评估',
        '已出方案',
        '已同意',
        '已施工',
        '已验收',
        '已结算',
        '已回访',
        '已取消',
        '本年已结算补贴（元）',
        '本年预算（元）',
        '完成改造户数',
      ],
      rows: rows.map((row) => [
        row.district,
        ...ADAPTATION_STAGES.map((stage) => row.stages[stage] ?? 0),
        row.settledSubsidyYuan,
        budget,
        row.householdsDone,
      ]),
    };
  }

  private async coverageTable({ window, coverageAt }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.coverage(
      window.scope,
      window.regionId,
      new Date(coverageAt - DAY_MS),
      new Date(coverageAt),
    );
    return {
      name: 'coverage',
      columns: ['区', '街道', '社区', '老人数', '24小时内设备有信号的老人数', '覆盖率（%）'],
      rows: rows.map((row) => [
        row.district,
        row.street,
        row.community.name,
        row.elders,
        row.covered,
        percent(row.covered, row.elders),
      ]),
    };
  }

  /** Meals served and subsidies paid, per canteen and the category the subsidy was given for. */
  private async mealsTable({ window }: ReportPeriod): Promise<ReportTable> {
    const rows = await this.reports.mealCounts(window);
    return {
      name: 'meals',
      columns: ['食堂', '补贴类别', '用餐数', '补贴餐数', '补贴金额（元）', '自付金额（元）'],
      rows: rows.map((row) => [
        row.canteen.name,
        mealCategoryLabel(row.category),
        row.meals,
        row.subsidised,
        twoDecimals(row.subsidyCents / 100),
        twoDecimals(row.selfPayCents / 100),
      ]),
    };
  }

  /**
   * Subsidised meals on a day the elder was recorded away or in hospital, and those served while one of the elder's
   * devices put them more than 2 km from the canteen: a meal claimed for someone who was not there.
   */
  private async mealCrossCheckTable({ window }: ReportPeriod): Promise<ReportTable> {
    const [away, positioned] = await Promise.all([
      this.reports.mealsWhileAway(window),
      this.reports.mealsWithDevicePositions(window, DEVICE_POSITION_WINDOW_MINUTES),
    ]);
    const elsewhere = positioned.flatMap((row) => {
      const distanceM = distanceElsewhereM(row.canteenPosition, row.device);
      if (distanceM === undefined) return [];
      const at = new Date(row.device.at.getTime() + LOCAL_UTC_OFFSET_MS).toISOString().slice(11, 16);
      return [{ ...row, record: `设备定位距食堂 ${(distanceM / 1000).toFixed(1)} 公里（${at}）` }];
    });
    const rows = [
      ...away.map((row) => ({ ...row, record: row.absence === 'hospital' ? '住院' : '外出' })),
      ...elsewhere,
    ].sort((a, b) => a.mealDate.localeCompare(b.mealDate));
    return {
      name: 'meal-cross-check',
      columns: ['老人', '食堂', '日期', '餐次', '补贴金额（元）', '识别方式', '当日记录'],
      rows: rows.map((row) => [
        row.elder.name,
        row.canteen,
        row.mealDate,
        MEAL_PERIOD_LABELS[row.period] ?? row.period,
        twoDecimals(row.subsidyCents / 100),
        IDENTIFICATION_LABELS[row.identifiedBy] ?? row.identifiedBy,
        row.record,
      ]),
    };
  }
}

const MEAL_PERIOD_LABELS: Record<string, string> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' };
const IDENTIFICATION_LABELS: Record<string, string> = {
  face: '刷脸',
  'id-card': '身份证',
  qr: '二维码卡',
  staff: '工作人员确认',
  order: '家属订餐',
};

/** A subsidy category in the report's words: the registry's, 65 and over, or none. */
function mealCategoryLabel(category: string | null): string {
  if (category === null) return '无补贴';
  if (category === AGED_65_CATEGORY) return '65岁以上';
  return Object.hasOwn(ELDER_CATEGORIES, category)
    ? ELDER_CATEGORIES[category as keyof typeof ELDER_CATEGORIES].zh
    : category;
}

/** The month's bounds, and when its coverage is taken: at its end, or now while it runs. A month not begun has nothing. */
function monthBounds(month: string, now: number): { start: number; end: number; coverageAt: number } {
  if (month > localMonthOf(now))
    throw new DomainError('report-month-in-future', `${month} has not begun: ask for this month or an earlier one`);
  const { start, end } = localMonthBounds(month);
  return { start, end, coverageAt: Math.min(end, now) };
}
