"""Actor resolution: dictionary data, spaCy components and the accuracy measure."""

from riftwatch.actors.dictionary import (
    Actor,
    ActorDictionary,
    Person,
    Role,
    build_dictionary,
    fold,
    load_dictionary,
)
from riftwatch.actors.evaluate import actor_accuracy, actor_cost, load_cases
from riftwatch.actors.resolver import (
    ACTOR_LABELS,
    ActorMatcher,
    ActorResolver,
    add_actor_pipes,
    event_day,
)

__all__ = [
    "ACTOR_LABELS",
    "Actor",
    "ActorDictionary",
    "ActorMatcher",
    "ActorResolver",
    "Person",
    "Role",
    "actor_accuracy",
    "actor_cost",
    "add_actor_pipes",
    "build_dictionary",
    "event_day",
    "fold",
    "load_cases",
    "load_dictionary",
]
