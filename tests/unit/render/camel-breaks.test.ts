import { describe, expect, it } from 'vitest';
import { camelBreaksHtml } from '../../../src/render/html.ts';

describe('camelBreaksHtml', () => {
	it('lets a long CamelCase alert name break between its words', () => {
		expect(camelBreaksHtml('KubeStatefulSetReplicasMismatch')).toBe('Kube<wbr>Stateful<wbr>Set<wbr>Replicas<wbr>Mismatch');
		expect(camelBreaksHtml('etcdGRPCRequestsSlow')).toBe('etcd<wbr>GRPC<wbr>Requests<wbr>Slow');
		expect(camelBreaksHtml('Alert Prometheus2xxErrorsHigh')).toBe('Alert Prometheus2xx<wbr>Errors<wbr>High');
	});
	it('leaves short words and plain titles as they are, escaped', () => {
		expect(camelBreaksHtml('Kube StatefulSet Replicas Mismatch')).toBe('Kube StatefulSet Replicas Mismatch');
		expect(camelBreaksHtml('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
		expect(camelBreaksHtml('AVeryLong<script>AlertName')).toBe('A<wbr>Very<wbr>Long&lt;script&gt;Alert<wbr>Name');
	});
});
