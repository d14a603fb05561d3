import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export const MAX_SEED_COUNT = 10_000;

export class SeedCenterDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 42.3601 })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: -71.0589 })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng!: number;
}

export class SeedDirectoryDto {
  @ApiPropertyOptional({ description: 'How many services to generate', minimum: 1, maximum: MAX_SEED_COUNT, default: 300 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SEED_COUNT)
  count?: number;

  @ApiPropertyOptional({ description: 'Seed of the generator: the same seed gives the same directory', minimum: 0, default: 42 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4_294_967_295)
  seed?: number;

  @ApiPropertyOptional({ type: SeedCenterDto, description: 'Centre of the generated locations (within about 25 km)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeedCenterDto)
  center?: SeedCenterDto;
}
