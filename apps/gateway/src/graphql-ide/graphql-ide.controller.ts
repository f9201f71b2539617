import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IDE_ASSETS, IDE_ASSETS_PATH } from './graphql-ide.assets';

/** The IDE's scripts and styles (development only: the module is not loaded in production). */
@Controller(IDE_ASSETS_PATH)
export class GraphqlIdeAssetsController {
  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = Object.hasOwn(IDE_ASSETS, name) ? IDE_ASSETS[name] : undefined;
    if (asset === undefined) throw new NotFoundException(`no IDE asset ${name}`);
    res.type(asset.contentType).sendFile(asset.file);
  }
}
