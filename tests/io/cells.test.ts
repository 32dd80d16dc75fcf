import { describe, expect, test } from 'vitest';
import { parseBool, parseClock, parseDecimal, parseWholeNumber, splitList } from '../../src/io/cells.js';

describe('splitList', () => {
  test('splits on ; and |, trims, drops empty and repeated items, keeps the order', () => {
    expect(splitList(' sp-2 ; sp-1 | sp-3 ;; | sp-2 ')).toEqual(['sp-2', 'sp-1', 'sp-3']);
    expect(splitList('')).toEqual([]);
    expect(splitList(' ; | ')).toEqual([]);
  });
});

describe('parseBool', () => {
  test.each([
    ['yes', true], ['Yes', true], ['Y', true], ['sí', true], ['SÍ', true], ['si', true], ['true', true], ['TRUE', true], ['1', true],
    ['no', false], ['NO', false], ['n', false], ['false', false], ['0', false],
    ['s\u0131', null], ['maybe', null], ['', null], ['2', null],
  ] as const)('%j -> %j', (text, expected) => {
    expect(parseBool(text)).toBe(expected);
  });

  test('a decomposed í (as some exports write it) is still sí', () => {
    expect(parseBool('si\u0301')).toBe(true);
  });
});

describe('numbers', () => {
  test('whole numbers are digits only', () => {
    expect(parseWholeNumber('40')).toBe(40);
    expect(parseWholeNumber('007')).toBe(7);
    for (const bad of ['forty', '4.0', '-4', '+4', '4 0', '']) expect(parseWholeNumber(bad)).toBeNull();
  });

  test('decimals take a point or a comma', () => {
    expect(parseDecimal('7.5')).toBe(7.5);
    expect(parseDecimal('7,5')).toBe(7.5);
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal(',5')).toBe(0.5);
    for (const bad of ['high', '7,5,1', '1e3', '', '7.5.1']) expect(parseDecimal(bad)).toBeNull();
  });
});

describe('parseClock', () => {
  test('H:MM, HH:MM and HH:MM:00', () => {
    expect(parseClock('9:00')).toBe(540);
    expect(parseClock('09:05')).toBe(545);
    expect(parseClock('17:30:00')).toBe(1050);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['9am', '9', '25:00', '09:60', '09:00:30', '']) expect(parseClock(bad)).toBeNull();
  });
});
