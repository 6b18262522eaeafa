import pytest

from rabatnet.network.tests import factories


@pytest.mark.django_db
def test_focal_point_sees_private_area(client):
    client.force_login(factories.focal_point())
    assert client.get("/en/private/").status_code == 200
