package io.mediawerk.webhook.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    /** The attempts of each delivery, oldest first. */
    public Uni<Map<String, List<DeliveryAttempt>>> ofDeliveries(Collection<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("deliveryId in ?1 order by id", deliveryIds)
                .map(attempts -> attempts.stream().collect(Collectors.groupingBy(attempt -> attempt.deliveryId)));
    }
}
