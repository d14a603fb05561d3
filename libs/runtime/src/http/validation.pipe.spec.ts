import { Type } from 'class-transformer';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { RequestValidationError, createValidationPipe } from './validation.pipe';

class Item {
  @IsString() key!: string;
  @IsInt() @Max(3) value!: number;
}

class Body {
  @IsString() name!: string;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

describe('validation pipe', () => {
  it('answers with one entry per failing field, array items by index, never echoing values', async () => {
    const pipe = createValidationPipe();
    let caught: unknown;
    try {
      await pipe.transform(
        { name: 42, items: [{ key: 'a', value: 1 }, { key: 'b', value: 'SECRET-VALUE' }], extra: true },
        { type: 'body', metatype: Body },
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RequestValidationError);
    const fields = (caught as RequestValidationError).fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['extra', 'items[1].value', 'name']);
    expect(JSON.stringify((caught as RequestValidationError).getResponse())).not.toContain('SECRET-VALUE');
  });
});
