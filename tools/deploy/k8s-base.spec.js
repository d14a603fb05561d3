// Every service in apps/ must be deployable from k8s/base: a Deployment, a Service, a
// PodDisruptionBudget, an autoscaler and a NetworkPolicy, all pointing at the same pods and port.
const path = require('node:path');
const { root, loadKustomizationResources, generatedConfigMapLiterals, serviceNames } = require('./manifests');

const baseDir = path.join(root, 'k8s', 'base');
const resources = loadKustomizationResources(baseDir);
const services = serviceNames();
const named = (kind, name) => resources.filter((r) => r.kind === kind && r.metadata.name === name);

describe('k8s/base', () => {
  it('knows the services', () => {
    expect(services).toEqual(expect.arrayContaining(['intake', 'care-planning', 'resource-directory', 'notification']));
  });

  describe.each(services)('%s', (service) => {
    const podLabels = { 'app.kubernetes.io/name': service };

    it.each(['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'NetworkPolicy'])(
      'has exactly one %s',
      (kind) => {
        expect(named(kind, service)).toHaveLength(1);
      },
    );

    it('selects its own pods everywhere and serves one port', () => {
      const [deployment] = named('Deployment', service);
      const [svc] = named('Service', service);
      const [pdb] = named('PodDisruptionBudget', service);
      const [hpa] = named('HorizontalPodAutoscaler', service);
      const [policy] = named('NetworkPolicy', service);
      expect(deployment.spec.template.metadata.labels).toMatchObject(podLabels);
      expect(deployment.spec.selector.matchLabels).toEqual(podLabels);
      expect(svc.spec.selector).toEqual(podLabels);
      expect(pdb.spec.selector.matchLabels).toEqual(podLabels);
      expect(policy.spec.podSelector.matchLabels).toEqual(podLabels);
      expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: service });

      const port = Number(generatedConfigMapLiterals(path.join(baseDir, service), `${service}-config`).PORT);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: port })]);
      expect(svc.spec.ports).toEqual([expect.objectContaining({ port, targetPort: 'http' })]);
      expect(policy.spec.ingress.flatMap((rule) => rule.ports.map((p) => p.port))).toEqual([port]);
    });

    it('takes MONGODB_URI from a Secret, never from a literal', () => {
      const [deployment] = named('Deployment', service);
      const [container] = deployment.spec.template.spec.containers;
      const mongo = container.env.find((variable) => variable.name === 'MONGODB_URI');
      expect(mongo.valueFrom.secretKeyRef).toEqual({ name: `${service}-secrets`, key: 'MONGODB_URI' });
      expect(resources.filter((r) => r.kind === 'Secret')).toEqual([]);
    });
  });

  it('denies all traffic by default', () => {
    const [policy] = named('NetworkPolicy', 'default-deny-all');
    expect(policy.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });
});
