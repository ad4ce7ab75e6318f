import { ELDER_CSV_COLUMNS, type ElderCard, type ElderPage, type ImportReport } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { ElderImportService } from './elder-import.service';
import { ElderRecordService } from './elder-record.service';
import { ElderRegistryService } from './elder-registry.service';
import { ElderInputRequest, ElderSearchQuery } from './elder.dto';

const elderId = idParam('elder-not-found');

@ApiTags('elders')
@Controller('api/elders')
export class EldersController {
  constructor(
    private readonly records: ElderRecordService,
    private readonly registry: ElderRegistryService,
    private readonly imports: ElderImportService,
  ) {}

  /** A page of the elders in the viewer's scope, by name; the phone masked as the role requires. Not audited. */
  @Get()
  @Requires('elders.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: ElderSearchQuery): Promise<ElderPage> {
    return this.registry.search(viewer, {
      name: query.q,
      regionId: query.regionId,
      category: query.category,
      offset: query.offset,
      limit: query.limit,
    });
  }

  /** The elder's record, masked as the viewer's role requires; every read is audited. */
  @Get(':id')
  @Requires('elders.read')
  card(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<ElderCard> {
    return this.records.card(viewer, id);
  }

  @Post()
  @Requires('elders.write')
  create(@CurrentViewer() viewer: Viewer, @Body() body: ElderInputRequest): Promise<ElderCard> {
    return this.registry.create(viewer, body);
  }

  /** A CSV file with the header row of ELDER_CSV_COLUMNS: every row is imported, or none (422 with every problem). */
  @Post('import')
  @Requires('elders.write')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: `UTF-8 CSV, header row \`${ELDER_CSV_COLUMNS.join(',')}\`` } })
  import(@CurrentViewer() viewer: Viewer, @Body() file: unknown): Promise<ImportReport> {
    if (!(file instanceof Uint8Array))
      throw new DomainError('import-not-csv', 'send the file itself as the body, with Content-Type: text/csv');
    return this.imports.import(viewer, file);
  }

  @Put(':id')
  @Requires('elders.write')
  update(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
    @Body() body: ElderInputRequest,
  ): Promise<ElderCard> {
    return this.registry.update(viewer, id, body);
  }
}
