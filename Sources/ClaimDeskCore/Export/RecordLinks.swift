/// The stances on each annotation and the relations at each end of it, in id order: gathered in
/// one pass when an export starts, so a report that lists them beside every claim neither looks
/// them up nor sorts them once per claim.
///
/// Holds what ``Session/stances(targeting:)`` and ``Session/relations(touching:)`` answer.
struct RecordLinks {
    private var stancesByTarget: [AnnotationID: [Stance]] = [:]
    private var relationsByEnd: [AnnotationID: [Relation]] = [:]

    init(_ session: Session) {
        for stance in session.orderedStances { stancesByTarget[stance.target, default: []].append(stance) }
        for relation in session.orderedRelations {
            relationsByEnd[relation.from, default: []].append(relation)
            // A relation of an annotation to itself is listed once.
            if relation.to != relation.from { relationsByEnd[relation.to, default: []].append(relation) }
        }
    }

    /// Stances whose target is `id`, in id order.
    func stances(targeting id: AnnotationID) -> [Stance] { stancesByTarget[id] ?? [] }

    /// Relations that start or end at `id`, in id order.
    func relations(touching id: AnnotationID) -> [Relation] { relationsByEnd[id] ?? [] }
}
