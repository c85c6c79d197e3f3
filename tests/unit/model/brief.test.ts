import { describe, expect, it } from 'vitest';
import { firstSentence, sectionBrief } from '../../../src/model/brief.ts';

describe('firstSentence', () => {
	it('cuts after the first sentence, keeping Markdown and joining wrapped lines', () => {
		expect(firstSentence('Kubernetes StatefulSet resource does not have\nreplicas. For example `sts` has 3.')).toEqual([
			'Kubernetes StatefulSet resource does not have replicas.',
			'For example `sts` has 3.',
		]);
	});
	it('does not end a sentence at an abbreviation or a version', () => {
		expect(firstSentence('Check e.g. the pod and v1.2 of it. Then stop.')).toEqual(['Check e.g. the pod and v1.2 of it.', 'Then stop.']);
	});
	it('keeps a single sentence whole', () => {
		expect(firstSentence('Service degradation or unavailability.')).toEqual(['Service degradation or unavailability.', '']);
	});
});

describe('sectionBrief', () => {
	it('leads with the description', () => {
		expect(sectionBrief({ description: 'One. Two.', notes: ['Three.'] })).toEqual({ lead: 'One.', after: 'Two.', fromNote: false });
	});
	it('leads with the first note when it is a paragraph', () => {
		expect(sectionBrief({ notes: ['When requests are too slow,\nleaders fail. Reads slow down.'] })).toEqual({
			lead: 'When requests are too slow, leaders fail.',
			after: 'Reads slow down.',
			fromNote: true,
		});
	});
	it('has no lead when the first note is a list, code or several paragraphs', () => {
		expect(sectionBrief({ notes: ['- a\n- b'] })).toBeUndefined();
		expect(sectionBrief({ notes: ['```\nls\n```'] })).toBeUndefined();
		expect(sectionBrief({ notes: ['One.\n\nTwo.'] })).toBeUndefined();
		expect(sectionBrief({})).toBeUndefined();
	});
});
