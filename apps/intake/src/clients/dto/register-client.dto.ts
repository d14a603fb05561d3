import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COVERAGE_TYPES, CoverageType } from '@careloop/contracts';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const IDENTIFIER_SYSTEMS = ['mrn', 'member-id', 'medicare-mbi', 'medicaid-id'] as const;

export class HumanNameDto {
  @ApiProperty({ type: [String], example: ['Alex'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(80, { each: true })
  given!: string[];

  @ApiProperty({ example: 'Example' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  family!: string;
}

export class AddressDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  line!: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) state?: string;

  @ApiProperty({ example: '02118' })
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{3,10}$/, { message: 'postalCode must be a postal code' })
  postalCode!: string;

  @ApiPropertyOptional() @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() longitude?: number;
}

export class IdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_SYSTEMS })
  @IsIn(IDENTIFIER_SYSTEMS)
  system!: (typeof IDENTIFIER_SYSTEMS)[number];

  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'value must be 1-40 letters, digits or dashes' })
  value!: string;
}

export class CoverageDto {
  @ApiProperty({ enum: COVERAGE_TYPES })
  @IsIn(COVERAGE_TYPES)
  kind!: CoverageType;

  @ApiPropertyOptional({ description: 'The partner insurer (for Medicaid managed care and commercial plans)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'partnerId must be an identifier' })
  partnerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'memberId must be 1-40 letters, digits or dashes' })
  memberId?: string;
}

export class ConsentDto {
  @ApiProperty() @IsBoolean() shareWithCommunityOrganizations!: boolean;
  @ApiProperty() @IsBoolean() shareWithPartners!: boolean;
  @ApiProperty() @IsBoolean() contactByEmail!: boolean;
  @ApiProperty() @IsBoolean() contactBySms!: boolean;
}

export class ContactDto {
  @ApiPropertyOptional({ enum: ['email', 'sms'] })
  @IsOptional()
  @IsIn(['email', 'sms'])
  preferredChannel?: 'email' | 'sms';

  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;

  @ApiPropertyOptional({ example: '+16175550123' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be an E.164 number such as +16175550123' })
  phone?: string;
}

export class RegisterClientDto {
  @ApiProperty({ type: HumanNameDto }) @ValidateNested() @Type(() => HumanNameDto) name!: HumanNameDto;

  @ApiProperty({ example: '1980-04-02' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({ enum: SEXES }) @IsIn(SEXES) sex!: (typeof SEXES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) genderIdentity?: string;

  @ApiProperty({ example: 'es' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'preferredLanguage must be a BCP 47 tag such as en or es-MX' })
  preferredLanguage!: string;

  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) address!: AddressDto;

  @ApiProperty({ type: [IdentifierDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers!: IdentifierDto[];

  @ApiProperty({ type: [CoverageDto] })
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => CoverageDto)
  coverage!: CoverageDto[];

  @ApiProperty({ type: ConsentDto }) @ValidateNested() @Type(() => ConsentDto) consent!: ConsentDto;

  @ApiProperty({ type: ContactDto }) @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
}

export class UpdateConsentDto extends ConsentDto {}
